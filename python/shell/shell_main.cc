// The `pyrite` command line: `shell [options] [-c CODE | FILE | -] [ARGS...]` with python3's
// options, sys.argv as CPython builds it, and its exit statuses.
//
// The interpreter runs on a thread with a 1 GiB stack: the evaluation loop recurses natively
// for every Python call, and scripts raise sys.setrecursionlimit well past what the default 8 MiB
// main-thread stack holds (more so under ASan, whose frames are larger). A thread with a large
// stack gets that without re-executing the process with a raised RLIMIT_STACK, and the memory is
// only committed as the stack is actually used.
#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "python/parser/file_io.h"
#include "python/vm/interpreter/interpreter.h"
#include "python/vm/runtime.h"

namespace {

constexpr size_t kStackSize = size_t{1} << 30;

struct Job {
  enum Kind { kFile, kCommand, kStdin } kind = kStdin;
  std::string payload;  // the path or the command
  std::vector<std::string> argv;
  pyrite::vm::InterpreterOptions options;
  int status = 0;
  bool interrupted = false;
};

void OnSigint(int) { pyrite::vm::interrupt_pending = 1; }

void* RunJob(void* arg) {
  Job* job = static_cast<Job*>(arg);
  pyrite::vm::Interpreter interp(job->argv, job->options);
  switch (job->kind) {
    case Job::kFile:
      job->status = interp.RunFile(job->payload);
      break;
    case Job::kCommand:
      job->status = interp.RunString(job->payload, "<string>");
      break;
    case Job::kStdin: {
      std::string source((std::istreambuf_iterator<char>(std::cin)),
                         std::istreambuf_iterator<char>());
      job->status = interp.RunString(source, "<stdin>");
      break;
    }
  }
  job->interrupted = interp.interrupted();
  return nullptr;
}

int Usage(const char* prog, const std::string& bad) {
  std::string text = "Unknown option: " + bad + "\nusage: " + prog +
                     " [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                     "Try `python -h' for more information.\n";
  pyrite::parser::WriteAll(stderr, text);
  return 2;
}

int Help(const char* prog) {
  std::string text = std::string("usage: ") + prog +
                     " [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                     "Options:\n"
                     "-c cmd : program passed in as string (terminates option list)\n"
                     "-O, -OO : remove assert statements (and docstrings); __debug__ is False\n"
                     "-u     : unbuffered stdout and stderr\n"
                     "-B, -E, -I, -P : as python3 (sys.flags; -I and -P leave the script's\n"
                     "         directory out of sys.path)\n"
                     "-b, -d, -i, -q, -s, -S, -v, -x, -W arg, -X opt : accepted and ignored\n"
                     "-V     : print the Python version number and exit (also --version)\n"
                     "file   : program read from script file\n"
                     "-      : program read from stdin (default; interactive mode if a tty)\n"
                     "arg ...: arguments passed to program in sys.argv[1:]\n";
  pyrite::parser::WriteAll(stdout, text);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const char* prog = argv[0];
  // `bazel run` starts programs in their runfiles tree and says where the user was; scripts'
  // relative paths (and os.getcwd()) must be the user's, as with any other command.
  if (const char* cwd = std::getenv("BUILD_WORKING_DIRECTORY"); cwd != nullptr && cwd[0] != '\0') {
    if (chdir(cwd) != 0) std::perror(cwd);
  }
  Job job;
  int i = 1;
  bool have_program = false;
  while (i < argc && !have_program) {
    std::string arg = argv[i];
    if (arg == "--") {
      ++i;
      break;
    }
    if (arg == "--version") {
      pyrite::parser::WriteAll(stdout, "Python 3.11.2\n");
      return 0;
    }
    if (arg == "--help") return Help(prog);
    if (arg.size() < 2 || arg[0] != '-') break;  // the script (or "-")
    // A cluster of one-letter options: -uB, -c CODE, -cCODE, -X opt, -Xopt.
    for (size_t j = 1; j < arg.size(); ++j) {
      char c = arg[j];
      if (c == 'c' || c == 'm' || c == 'X' || c == 'W') {
        std::string value;
        if (j + 1 < arg.size()) {
          value = arg.substr(j + 1);
        } else if (i + 1 < argc) {
          value = argv[++i];
        } else {
          std::string text = std::string("Argument expected for the -") + c + " option\n" +
                             "usage: " + prog +
                             " [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                             "Try `python -h' for more information.\n";
          pyrite::parser::WriteAll(stderr, text);
          return 2;
        }
        if (c == 'c') {
          job.kind = Job::kCommand;
          job.payload = value;
          have_program = true;
        } else if (c == 'm') {
          pyrite::parser::WriteAll(stderr, std::string(prog) + ": -m is not supported yet\n");
          return 2;
        }
        break;
      }
      if (c == 'V') {
        pyrite::parser::WriteAll(stdout, "Python 3.11.2\n");
        return 0;
      }
      if (c == 'h' || c == '?') return Help(prog);
      if (std::strchr("bBdEiIOPqsSuvx", c) == nullptr) {
        return Usage(prog, std::string("-") + c);
      }
      switch (c) {
        case 'O':
          if (job.options.optimize < 2) ++job.options.optimize;
          break;
        case 'u':
          job.options.unbuffered = true;
          break;
        case 'B':
          job.options.dont_write_bytecode = true;
          break;
        case 'E':
          job.options.ignore_environment = true;
          break;
        case 'I':
          job.options.isolated = true;
          break;
        case 'P':
          job.options.safe_path = true;
          break;
        default:
          break;  // accepted and ignored
      }
    }
    ++i;
  }
  if (job.kind == Job::kCommand) {
    job.argv.push_back("-c");
  } else if (i < argc && std::string(argv[i]) != "-") {
    job.kind = Job::kFile;
    job.payload = argv[i];
    job.argv.push_back(argv[i]);
    ++i;
    FILE* f = std::fopen(job.payload.c_str(), "rb");
    if (f == nullptr) {
      int err = errno;
      std::string text = std::string(prog) + ": can't open file '" + job.payload + "': [Errno " +
                         std::to_string(err) + "] " + std::strerror(err) + "\n";
      pyrite::parser::WriteAll(stderr, text);
      return 2;
    }
    std::fclose(f);
  } else {
    job.kind = Job::kStdin;
    if (i < argc) {
      job.argv.push_back("-");
      ++i;
    } else {
      job.argv.push_back("");
    }
  }
  for (; i < argc; ++i) job.argv.push_back(argv[i]);

  // The environment variables python3 reads for these options (ignored under -E and -I).
  if (!job.options.ignore_environment && !job.options.isolated) {
    auto set = [](const char* name) {
      const char* v = std::getenv(name);
      return v != nullptr && v[0] != '\0';
    };
    if (set("PYTHONUNBUFFERED")) job.options.unbuffered = true;
    if (set("PYTHONDONTWRITEBYTECODE")) job.options.dont_write_bytecode = true;
    if (set("PYTHONSAFEPATH")) job.options.safe_path = true;
    if (set("PYTHONOPTIMIZE")) {
      int level = std::atoi(std::getenv("PYTHONOPTIMIZE"));
      if (level < 1) level = 1;
      if (level > job.options.optimize) job.options.optimize = level > 2 ? 2 : level;
    }
  }

  // Like CPython, leave SIGINT alone when it was inherited as ignored (`cmd &` in a script, nohup):
  // such a process is not meant to be interrupted from the keyboard.
  struct sigaction inherited;
  if (sigaction(SIGINT, nullptr, &inherited) != 0 || inherited.sa_handler != SIG_IGN) {
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_handler = &OnSigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
  }

  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kStackSize);
  pthread_t thread;
  if (pthread_create(&thread, &attr, &RunJob, &job) != 0) {
    // No big stack available: run on the main thread.
    RunJob(&job);
  } else {
    pthread_join(thread, nullptr);
  }
  pthread_attr_destroy(&attr);
  if (job.interrupted) {
    // Die of SIGINT as CPython does after an uncaught KeyboardInterrupt.
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
  }
  return job.status;
}
