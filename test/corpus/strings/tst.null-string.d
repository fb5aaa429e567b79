#pragma D option quiet

string names[int];

BEGIN
{
	names[0] = "zone";
	s = strchr("global", 'z');
	printf("%d %d %d\n", strchr("global", 'b') != NULL, s == NULL, names[1] == NULL);
	s = NULL;
	printf("[%s] %d\n", s, names[0] != NULL);
	exit(0);
}
