#!/usr/sbin/dtrace -s
/*
 * Request latency in microseconds, one distribution per URL, and the slowest request seen.
 */
#pragma D option quiet

app:::request-done
{
	@us[args[0]] = quantize(args[2] / 1000);
	@slowest = max(args[2]);
}

END
{
	printa("slowest request: %@d ns\n", @slowest);
}
