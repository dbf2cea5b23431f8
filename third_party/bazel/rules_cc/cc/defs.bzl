"""Offline stand-in for rules_cc: the native C++ rules under rules_cc's names.

Debian's Bazel 4.2.3 loads @rules_cc//cc:defs.bzl from @bazel_tools//tools/cpp; the real rules_cc
would be downloaded, and Debian's packaged one is too new for this Bazel.
"""

cc_library = native.cc_library
cc_binary = native.cc_binary
cc_test = native.cc_test
cc_import = native.cc_import
cc_toolchain = native.cc_toolchain
cc_toolchain_suite = native.cc_toolchain_suite
cc_proto_library = native.cc_proto_library
objc_library = native.objc_library
objc_import = native.objc_import
fdo_profile = native.fdo_profile
fdo_prefetch_hints = native.fdo_prefetch_hints
