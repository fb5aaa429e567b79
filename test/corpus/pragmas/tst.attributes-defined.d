#pragma D attributes Evolving/Evolving/Common limit
#pragma D binding "1.0" limit
inline int limit = 3;
#pragma D depends_on provider profile

BEGIN
{
	printf("limit %d\n", limit);
	exit(0);
}
