#define DEFS_ANSWER 42
#define DEFS_NAME "defs"
