"""cc_toolchain_config for Debian's clang 14 on x86_64 Linux (the fuzz configuration).

Bazel's legacy features supply the usual compile and link command lines (include paths, -o,
dependency files, archiver flags); this adds the compilation-mode flags and declares the system
include directories, so that Bazel's header checks accept clang's and libstdc++'s headers.
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
        "gcc": "clang.sh",
        "ld": "clang.sh",
        "ar": "/usr/bin/ar",
        "cpp": "/usr/bin/cpp",
        "gcov": "/bin/false",
        "nm": "/usr/bin/nm",
        "objdump": "/usr/bin/objdump",
        "strip": "/usr/bin/strip",
    }
    features = [
        # Enabled by Bazel according to --compilation_mode.
        _flags_feature("opt", _COMPILE_ACTIONS, ["-O2", "-DNDEBUG"]),
        _flags_feature("dbg", _COMPILE_ACTIONS, ["-O0", "-g"]),
        feature(name = "fastbuild"),
        # Reproducible outputs and readable stack traces in sanitizer reports.
        _flags_feature(
            "clang_compile_flags",
            _COMPILE_ACTIONS,
            [
                "-no-canonical-prefixes",
                "-Wno-builtin-macro-redefined",
                "-D__DATE__=\"redacted\"",
                "-D__TIMESTAMP__=\"redacted\"",
                "-D__TIME__=\"redacted\"",
                "-fno-omit-frame-pointer",
            ],
            enabled = True,
        ),
        _flags_feature("clang_link_flags", _LINK_ACTIONS, ["-no-canonical-prefixes"],
                       enabled = True),
        feature(name = "supports_pic", enabled = True),
    ]
    return cc_common.create_cc_toolchain_config_info(
        ctx = ctx,
        toolchain_identifier = "clang14-k8",
        host_system_name = "x86_64-unknown-linux-gnu",
        target_system_name = "x86_64-unknown-linux-gnu",
        target_cpu = "k8",
        target_libc = "glibc",
        compiler = "clang",
        abi_version = "clang",
        abi_libc_version = "glibc",
        tool_paths = [tool_path(name = k, path = v) for k, v in tools.items()],
        features = features,
        cxx_builtin_include_directories = [
            "/usr/include",
            "/usr/local/include",
            "/usr/lib/clang",
            "/usr/lib/llvm-14/lib/clang",
        ],
    )

clang_toolchain_config = rule(
    implementation = _impl,
    attrs = {},
    provides = [CcToolchainConfigInfo],
)
