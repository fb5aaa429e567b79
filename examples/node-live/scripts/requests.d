#!/usr/sbin/dtrace -s
/*
 * Which requests does the service get, and which does it make? Server requests by method and
 * URL, client requests (http and fetch) by method, server and URL. Ctrl-C to print.
 */

#pragma D option quiet

node*:::http-server-request
{
	@served[args[0]->method, args[0]->url] = count();
}

node*:::http-client-request
{
	@made[args[0]->method, args[2], args[0]->url] = count();
}

END
{
	printf("%-8s %-40s %8s\n", "METHOD", "URL (served)", "COUNT");
	printa("%-8s %-40s %@8d\n", @served);
	printf("\n%-8s %-16s %-23s %8s\n", "METHOD", "SERVER", "URL (requested)", "COUNT");
	printa("%-8s %-16s %-23s %@8d\n", @made);
}
