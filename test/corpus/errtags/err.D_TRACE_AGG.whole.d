BEGIN
{
	@n = count();
	trace(@n);
	exit(0);
}
