BEGIN
{
	@n = count();
	print(@n);
	exit(0);
}
