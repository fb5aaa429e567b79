BEGIN
{
	@n = count();
	printa("%@d\n");
	exit(0);
}
