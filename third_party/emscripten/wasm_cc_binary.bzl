"""wasm_cc_binary: a cc_binary built for WebAssembly from any build configuration.

A configuration transition switches the C++ toolchain to //third_party/emscripten, so targets that
need the wasm build (tests run under Node, the web bundle) work under the default, `asan` and
`wasm` configurations alike. Sanitizer flags are dropped on the way: they belong to the host build.
"""

def _drop_sanitizers(flags):
    return [f for f in flags if not f.startswith("-fsanitize") and f != "-fno-sanitize-recover=all"]

def _wasm_transition_impl(settings, _attr):
    return {
        "//command_line_option:crosstool_top": "//third_party/emscripten:suite",
        "//command_line_option:cpu": "wasm32",
        "//command_line_option:copt": _drop_sanitizers(settings["//command_line_option:copt"]),
        "//command_line_option:linkopt": _drop_sanitizers(settings["//command_line_option:linkopt"]),
    }

_wasm_transition = transition(
    implementation = _wasm_transition_impl,
    inputs = [
        "//command_line_option:copt",
        "//command_line_option:linkopt",
    ],
    outputs = [
        "//command_line_option:crosstool_top",
        "//command_line_option:cpu",
        "//command_line_option:copt",
        "//command_line_option:linkopt",
    ],
)

def _wasm_cc_binary_impl(ctx):
    binary = ctx.attr.binary[0][DefaultInfo].files_to_run.executable
    out = ctx.actions.declare_file(ctx.label.name + ".js")
    ctx.actions.symlink(output = out, target_file = binary)
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out]))]

wasm_cc_binary = rule(
    implementation = _wasm_cc_binary_impl,
    attrs = {
        "binary": attr.label(
            doc = "The cc_binary to build with Emscripten.",
            cfg = _wasm_transition,
            mandatory = True,
        ),
        "_allowlist_function_transition": attr.label(
            default = "@bazel_tools//tools/allowlists/function_transition_allowlist",
        ),
    },
    doc = "Builds `binary` for wasm32 and provides it as NAME.js (one file, wasm embedded).",
)
