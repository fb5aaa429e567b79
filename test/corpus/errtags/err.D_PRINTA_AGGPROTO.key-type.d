BEGIN
{
	@byname["global"] = count();
	@byid[0] = count();
	printa(@byname, @byid);
	exit(0);
}
