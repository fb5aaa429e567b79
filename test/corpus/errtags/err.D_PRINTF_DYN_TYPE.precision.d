BEGIN
{
	printf("[%.*s]\n", "three", "zone");
	exit(0);
}
