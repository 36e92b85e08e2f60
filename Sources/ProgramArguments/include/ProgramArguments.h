// The program's own arguments, as the C library hands them to the process at start.
//
// On Linux the Swift runtime reads `CommandLine.arguments` from /proc/self/cmdline; where /proc is not mounted or not
// readable (a container, a sandbox) it finds no arguments at all, and a command line tool would run as if it had been
// given none. The C library passes argc and argv to every constructor of the program (glibc and Apple's dyld both
// do), so they are kept here at start, with nothing read from /proc.
#ifndef PROGRAM_ARGUMENTS_H
#define PROGRAM_ARGUMENTS_H

/// How many arguments the program was started with, its own name included; 0 if none were handed over.
int journey_argument_count(void);

/// The argument at `index` (0 is the program's name), or NULL outside 0..<count.
const char *journey_argument(int index);

#endif
