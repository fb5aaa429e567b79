/* Assigning a struct copies it: later changes to the source do not show in the copy. */
#pragma D option quiet

struct pair { int a; int b; };
struct pair one, two;

BEGIN
{
	one.a = 1;
	one.b = 2;
	two = one;
	one.a = 10;
	this->p = two;
	two.b = 20;
	printf("%d %d %d %d %d %d\n", one.a, one.b, two.a, two.b, this->p.a, this->p.b);
	exit(0);
}
