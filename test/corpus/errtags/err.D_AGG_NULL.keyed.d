BEGIN
{
	@seen["zone"];
	exit(0);
}
