BEGIN
{
	@n = count();
	trunc(@n, 1, 2);
	exit(0);
}
