/*
 * Addresses in memory as text: IPv4 in dotted form, IPv6 with its longest zero run folded to
 * "::", and the IPv4-in-IPv6 forms, which inet_ntoa6 prints as the IPv4 address alone.
 */
#pragma D option quiet

BEGIN
{
	this->v4 = (ipaddr_t *)alloca(sizeof (ipaddr_t));
	*this->v4 = htonl(0x0a000105);
	this->v6 = (in6_addr_t *)alloca(sizeof (in6_addr_t));
	this->v6->_S6_un._S6_u8[0] = 0x20;
	this->v6->_S6_un._S6_u8[1] = 0x01;
	this->v6->_S6_un._S6_u8[2] = 0x0d;
	this->v6->_S6_un._S6_u8[3] = 0xb8;
	this->v6->_S6_un._S6_u8[7] = 0x01;
	this->v6->_S6_un._S6_u8[15] = 0x2a;
	this->m = (in6_addr_t *)alloca(sizeof (in6_addr_t));
	this->m->_S6_un._S6_u8[10] = 0xff;
	this->m->_S6_un._S6_u8[11] = 0xff;
	this->m->_S6_un._S6_u8[12] = 10;
	this->m->_S6_un._S6_u8[15] = 9;
	printf("%s %s\n", inet_ntoa(this->v4), inet_ntop(AF_INET, this->v4));
	printf("%s %s\n", inet_ntoa6(this->v6), inet_ntop(AF_INET6, this->v6));
	printf("%s %s\n", inet_ntoa6(this->m), inet_ntop(AF_INET6, this->m));
	exit(0);
}
