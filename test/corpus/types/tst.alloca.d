/* alloca() gives zeroed scratch memory, usable through a typed pointer; bcopy() copies into it. */
#pragma D option quiet

struct two { int a; int b; };

BEGIN
{
	this->src = (struct two *)alloca(sizeof (struct two));
	this->src->a = 5;
	this->src->b = 6;
	this->p = (struct two *)alloca(sizeof (struct two));
	printf("%d %d\n", this->p->a, this->p->b);
	bcopy(this->src, this->p, sizeof (struct two));
	this->p->b++;
	printf("%d %d %d\n", this->p->a, this->p->b, this->src->b);
	exit(0);
}
