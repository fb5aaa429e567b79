/*
 * An exit() in BEGIN is seen by the consumer's first status check, made as tracing starts:
 * END's clock has not moved on.
 */
#pragma D option quiet
#pragma D option statusrate=10sec

BEGIN
{
	started = timestamp;
	exit(0);
}

END
{
	printf("%d\n", (timestamp - started) / 1000000);
}
