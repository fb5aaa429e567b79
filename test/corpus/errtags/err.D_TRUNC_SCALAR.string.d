BEGIN
{
	@n = count();
	trunc(@n, "ten");
	exit(0);
}
