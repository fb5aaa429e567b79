BEGIN
{
	@bytes = sum(4096);
	normalize(@bytes, "kilo");
	exit(0);
}
