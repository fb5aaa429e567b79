BEGIN
{
	@n["zone"] = count();
	clear(@n["zone"]);
	exit(0);
}
