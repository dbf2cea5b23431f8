"""py_bytecode: Python sources compiled to Pyrite bytecode artefacts at build time.

Each `srcs` file `x.py` becomes `NAME/x.pyrite-311.pb` (the format of python/bytecode/serialize.h,
the same as the bytecode cache), compiled by //python/compiler:pyrite_compile. A source the
compiler rejects fails the build with CPython's error line. The artefacts are the rule's files and
runfiles, for frozen modules, the wasm bundle and tests.

Example:
    load("//python/compiler:py_bytecode.bzl", "py_bytecode")
    py_bytecode(name = "boot", srcs = ["a.py", "b.py"])
"""

def _py_bytecode_impl(ctx):
    outs = []
    for src in ctx.files.srcs:
        stem = src.basename[:-len(".py")] if src.basename.endswith(".py") else src.basename
        out = ctx.actions.declare_file("%s/%s.pyrite-311.pb" % (ctx.label.name, stem))
        ctx.actions.run(
            executable = ctx.executable._compiler,
            arguments = [src.path, out.path],
            inputs = [src],
            outputs = [out],
            mnemonic = "PyriteCompile",
            progress_message = "Compiling %s to Pyrite bytecode" % src.short_path,
        )
        outs.append(out)
    return [DefaultInfo(files = depset(outs), runfiles = ctx.runfiles(files = outs))]

py_bytecode = rule(
    implementation = _py_bytecode_impl,
    attrs = {
        "srcs": attr.label_list(allow_files = [".py"], mandatory = True),
        "_compiler": attr.label(
            default = "//python/compiler:pyrite_compile",
            executable = True,
            cfg = "exec",
        ),
    },
    doc = "Compiles each .py in srcs to NAME/<stem>.pyrite-311.pb with pyrite_compile.",
)
