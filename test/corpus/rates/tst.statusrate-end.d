/*
 * exit() at 300ms; the consumer checks the status every 500ms from the start, so END runs at
 * its check at 500ms and reads a clock 200ms past the exit().
 */
#pragma D option quiet
#pragma D option statusrate=500msec

tick-300ms
{
	exited = timestamp;
	exit(0);
}

END
{
	printf("END came %d ms after exit()\n", (timestamp - exited) / 1000000);
}
