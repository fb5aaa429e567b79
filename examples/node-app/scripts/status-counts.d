#!/usr/sbin/dtrace -s
/*
 * Responses by HTTP status, printed when tracing stops (SIGINT, or the end of --load).
 */
#pragma D option quiet

app:::request-done
{
	@status[args[1]] = count();
}
