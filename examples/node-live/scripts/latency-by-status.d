#!/usr/sbin/dtrace -s
/*
 * Are errors fast or slow? The distribution of request latency (microseconds) for each HTTP
 * status. The status is args[4] of http-server-response, the one argument zsdtrace adds to
 * Node's former provider.
 */

node*:::http-server-request
{
	start[args[1]->fd] = timestamp;
}

node*:::http-server-response
/start[args[0]->fd]/
{
	@["latency (us) for status", args[4]] = quantize((timestamp - start[args[0]->fd]) / 1000);
	start[args[0]->fd] = 0;
}
