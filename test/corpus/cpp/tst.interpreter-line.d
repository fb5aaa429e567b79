#!/usr/sbin/dtrace -qs
#define WORD "interpreted"

BEGIN
{
	printf("%s\n", WORD);
	exit(0);
}
