#!/usr/sbin/dtrace -Cs
/* the interpreter line is dropped before cpp sees it */
#define GREETING "hello"

BEGIN { printf("%s\n", GREETING); }
BEGIN { z = ) ; }
