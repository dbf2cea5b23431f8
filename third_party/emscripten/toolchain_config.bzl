"""cc_toolchain_config for Emscripten (wasm32-unknown-emscripten).

Bazel's legacy features supply the usual compile and link command lines (include paths, -o,
dependency files, archiver flags); this adds the flags specific to Emscripten.
"""

load(
    "@bazel_tools//tools/cpp:cc_toolchain_config_lib.bzl",
    "feature",
    "flag_group",
    "flag_set",
    "tool_path",
)
load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")

_COMPILE_ACTIONS = [
    ACTION_NAMES.c_compile,
    ACTION_NAMES.cpp_compile,
    ACTION_NAMES.cpp_header_parsing,
    ACTION_NAMES.cpp_module_compile,
    ACTION_NAMES.preprocess_assemble,
    ACTION_NAMES.assemble,
]

_LINK_ACTIONS = [
    ACTION_NAMES.cpp_link_executable,
    ACTION_NAMES.cpp_link_dynamic_library,
    ACTION_NAMES.cpp_link_nodeps_dynamic_library,
]

def _flags_feature(name, actions, flags, enabled = False):
    return feature(
        name = name,
        enabled = enabled,
        flag_sets = [flag_set(actions = actions, flag_groups = [flag_group(flags = flags)])],
    )

def _impl(ctx):
    tools = {
        "gcc": "emcc.sh",
        "ld": "emcc.sh",
        "ar": "emar.sh",
        "cpp": "/bin/false",
        "gcov": "/bin/false",
        "nm": "/bin/false",
        "objdump": "/bin/false",
        "strip": "/bin/false",
    }
    features = [
        # Enabled by Bazel according to --compilation_mode.
        _flags_feature("opt", _COMPILE_ACTIONS + _LINK_ACTIONS, ["-O2", "-DNDEBUG"]),
        _flags_feature("dbg", _COMPILE_ACTIONS + _LINK_ACTIONS, ["-g"]),
        _flags_feature("fastbuild", _COMPILE_ACTIONS + _LINK_ACTIONS, ["-O1"]),
        # One self-contained .js (Node 20 cannot fetch() a separate .wasm by file path); exit
        # codes reach the host process; the heap grows as Python programs need.
        _flags_feature(
            "emscripten_link_flags",
            _LINK_ACTIONS,
            ["-sSINGLE_FILE=1", "-sEXIT_RUNTIME=1", "-sALLOW_MEMORY_GROWTH=1"],
            enabled = True,
        ),
    ]
    return cc_common.create_cc_toolchain_config_info(
        ctx = ctx,
        toolchain_identifier = "emscripten-wasm32",
        host_system_name = "x86_64-unknown-linux-gnu",
        target_system_name = "wasm32-unknown-emscripten",
        target_cpu = "wasm32",
        target_libc = "musl",
        compiler = "emscripten",
        abi_version = "emscripten",
        abi_libc_version = "default",
        tool_paths = [tool_path(name = k, path = v) for k, v in tools.items()],
        features = features,
        cxx_builtin_include_directories = [
            "/usr/share/emscripten/cache/sysroot/include",
            "/usr/lib/llvm-14/lib/clang",
        ],
    )

emscripten_toolchain_config = rule(
    implementation = _impl,
    attrs = {},
    provides = [CcToolchainConfigInfo],
)
