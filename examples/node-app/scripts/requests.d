#!/usr/sbin/dtrace -s
/*
 * One line per request as it completes, with the method remembered from request-start.
 */
#pragma D option quiet

app:::request-start
{
	self->method = args[0];
}

app:::request-done
{
	printf("%-7s %-24s %3d %8d ns\n", self->method, args[0], args[1], args[2]);
}
