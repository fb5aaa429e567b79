#!/usr/sbin/dtrace -s
/*
 * Every statement the fake database ran: how often, how many rows in total, mean latency (ns).
 */
#pragma D option quiet

app:::query
{
	@calls[args[0]] = count();
	@rows[args[0]] = sum(args[1]);
	@mean[args[0]] = avg(args[2]);
}

END
{
	printa("%-60s %@8d calls %@8d rows %@10d ns\n", @calls, @rows, @mean);
}
