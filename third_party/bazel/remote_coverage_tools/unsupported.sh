#!/bin/sh
echo "bazel coverage is not available in Pyrite's offline build" >&2
exit 1
