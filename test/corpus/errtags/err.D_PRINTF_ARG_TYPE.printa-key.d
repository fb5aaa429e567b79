tick-1s
{
	@[probename] = count();
	printa("%d %@d\n", @);
	exit(0);
}
