BEGIN
{
	@n = count();
	clear(@n, @n);
	exit(0);
}
