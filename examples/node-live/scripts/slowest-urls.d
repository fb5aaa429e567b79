#!/usr/sbin/dtrace -s
/*
 * Which URLs are slowest? Time from a request to its response, by URL, in microseconds:
 * count, average and worst. Requests are matched to responses by their socket's fd, as with
 * Node's former provider (one request at a time per connection).
 */

#pragma D option quiet

node*:::http-server-request
{
	start[args[1]->fd] = timestamp;
	url[args[1]->fd] = args[0]->url;
}

node*:::http-server-response
/start[args[0]->fd]/
{
	this->us = (timestamp - start[args[0]->fd]) / 1000;
	@n[url[args[0]->fd]] = count();
	@avg_us[url[args[0]->fd]] = avg(this->us);
	@max_us[url[args[0]->fd]] = max(this->us);
	start[args[0]->fd] = 0;
}

END
{
	printf("%-32s %8s %10s %10s\n", "URL", "COUNT", "AVG(us)", "MAX(us)");
	printa("%-32s %@8d %@10d %@10d\n", @n, @avg_us, @max_us);
}
