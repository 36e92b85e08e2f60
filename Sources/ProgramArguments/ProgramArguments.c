#include "ProgramArguments.h"

static int saved_count = 0;
static char **saved_values = 0;

__attribute__((constructor)) static void journey_save_arguments(int argc, char **argv, char **envp) {
    (void)envp;
    if (argc > 0 && argv != 0) {
        saved_count = argc;
        saved_values = argv;
    }
}

int journey_argument_count(void) { return saved_count; }

const char *journey_argument(int index) {
    if (index < 0 || index >= saved_count) return 0;
    return saved_values[index];
}
