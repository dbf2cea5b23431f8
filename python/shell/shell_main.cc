// Placeholder for the `pyrite` command line: the interpreter is not built yet, so it greets the
// user and names the file it was asked to run, without running it. Replaced by the real shell.
#include <cstdio>

int main(int argc, char** argv) {
  std::printf("Hello from Pyrite, a Python 3.11 interpreter in C++.\n");
  if (argc > 1) {
    std::printf("(The interpreter is not built yet: %s was not run.)\n", argv[1]);
  }
  return 0;
}
