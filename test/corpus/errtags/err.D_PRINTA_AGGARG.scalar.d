BEGIN
{
	@n = count();
	printa("%@d\n", 12);
	exit(0);
}
