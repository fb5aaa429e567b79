BEGIN
{
	tid++;
	exit(0);
}
