BEGIN
{
	@total = sum(probename);
	exit(0);
}
