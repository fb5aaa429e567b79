/*
 * Kernel types published scripts cast to are known without being declared (illumos.d): a
 * buffer cast to an IPv4 header can be filled and read through its members, and the layout
 * gives sizeof and offsetof.
 */
#pragma D option quiet

BEGIN
{
	this->ip = (ipha_t *)alloca(sizeof (ipha_t));
	this->ip->ipha_version_and_hdr_length = 0x45;
	this->ip->ipha_protocol = 6;
	printf("%d %d %d %d\n", sizeof (ipha_t), offsetof(ipha_t, ipha_dst),
	    this->ip->ipha_version_and_hdr_length >> 4, this->ip->ipha_protocol);
	printf("%d %d\n", sizeof (struct sockaddr_in6), sizeof (in6_addr_t));
	exit(0);
}
