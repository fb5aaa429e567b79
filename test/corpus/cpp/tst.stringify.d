#pragma D option quiet
#define STR(x) #x
BEGIN { printf("%s\n", STR(abc)); exit(0); }
