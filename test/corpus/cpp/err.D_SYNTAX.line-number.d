#define UNUSED 1

BEGIN { exit(0); }
BEGIN { y = ) ; }
