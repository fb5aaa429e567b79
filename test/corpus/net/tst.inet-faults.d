/*
 * inet_ntop() of a family other than AF_INET and AF_INET6 is an illegal operation, and an
 * address with nothing behind it faults; the ERROR probe sees both.
 */
#pragma D option quiet

BEGIN
{
	this->v4 = (ipaddr_t *)alloca(sizeof (ipaddr_t));
	trace(inet_ntop(99, this->v4));
}

BEGIN
{
	trace(inet_ntoa((ipaddr_t *)0));
}

ERROR
{
	printf("fault %d\n", arg4);
}

BEGIN
{
	exit(0);
}
