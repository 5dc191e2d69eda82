/* surface.c - the surfaces of surface.h: values, gradients, starts,
 * views and minima. */
#include "surface.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const names[SURFACE_COUNT] = {
    "bowl", "stretched", "rosenbrock", "saddle", "wells",
};

/* The wells: the widths of both Gaussians (their 0.2) and depths. */
#define WELL_WIDTH 0.2
#define WELL_SHALLOW 2.0
#define WELL_DEEP 6.0

double surface_f(const struct surface *s, double x, double y)
{
    switch (s->kind) {
    case SURFACE_STRETCHED:
        return x * x + s->kappa * (y * y);
    case SURFACE_ROSENBROCK: {
        double a = 1.0 - x, b = y - x * x;
        return a * a + 100.0 * (b * b);
    }
    case SURFACE_SADDLE:
        return x * x - y * y;
    case SURFACE_WELLS: {
        double r = ((x - 1.0) * (x - 1.0) + y * y) / WELL_WIDTH;
        double l = ((x + 1.0) * (x + 1.0) + y * y) / WELL_WIDTH;
        return x * x + y * y - WELL_SHALLOW * exp(-r) - WELL_DEEP * exp(-l);
    }
    case SURFACE_BOWL:
    case SURFACE_COUNT:
        break;
    }
    return x * x + y * y;
}

void surface_gradient(const struct surface *s, double x, double y, double *gx,
                      double *gy)
{
    switch (s->kind) {
    case SURFACE_STRETCHED:
        *gx = 2.0 * x;
        *gy = 2.0 * s->kappa * y;
        return;
    case SURFACE_ROSENBROCK: {
        double b = y - x * x;
        *gx = -2.0 * (1.0 - x) - 400.0 * x * b;
        *gy = 200.0 * b;
        return;
    }
    case SURFACE_SADDLE:
        *gx = 2.0 * x;
        *gy = -2.0 * y;
        return;
    case SURFACE_WELLS: {
        /* d/dx of -A e^(-((x-c)^2+y^2)/w) is A e^(...) * 2(x-c)/w */
        double er = WELL_SHALLOW * exp(-((x - 1.0) * (x - 1.0) + y * y) / WELL_WIDTH);
        double el = WELL_DEEP * exp(-((x + 1.0) * (x + 1.0) + y * y) / WELL_WIDTH);
        *gx = 2.0 * x + er * (2.0 * (x - 1.0) / WELL_WIDTH) +
              el * (2.0 * (x + 1.0) / WELL_WIDTH);
        *gy = 2.0 * y + er * (2.0 * y / WELL_WIDTH) + el * (2.0 * y / WELL_WIDTH);
        return;
    }
    case SURFACE_BOWL:
    case SURFACE_COUNT:
        break;
    }
    *gx = 2.0 * x;
    *gy = 2.0 * y;
}

void surface_start(enum surface_kind k, double *x, double *y)
{
    static const double starts[SURFACE_COUNT][2] = {
        {5, 5}, {5, 2}, {-1.5, 2}, {4, 0.01}, {2, 0.5},
    };
    unsigned i = (unsigned)k < SURFACE_COUNT ? (unsigned)k : 0;
    *x = starts[i][0];
    *y = starts[i][1];
}

bool surface_minimum(const struct surface *s, double *f, double *x, double *y)
{
    switch (s->kind) {
    case SURFACE_SADDLE:
        return false;
    case SURFACE_ROSENBROCK:
        *f = 0.0, *x = 1.0, *y = 1.0;
        return true;
    case SURFACE_WELLS:
        *f = SURFACE_WELLS_GLOBAL_F, *x = SURFACE_WELLS_GLOBAL_X, *y = 0.0;
        return true;
    case SURFACE_BOWL:
    case SURFACE_STRETCHED:
    case SURFACE_COUNT:
        break;
    }
    *f = 0.0, *x = 0.0, *y = 0.0;
    return true;
}

void surface_view(const struct surface *s, double start_x, double start_y,
                  double *x0, double *x1, double *y0, double *y1)
{
    if (s->kind == SURFACE_ROSENBROCK) {
        *x0 = -2.0, *x1 = 2.0, *y0 = -1.0, *y1 = 3.0;
        return;
    }
    if (s->kind == SURFACE_WELLS) {
        *x0 = -2.5, *x1 = 2.5, *y0 = -2.5, *y1 = 2.5;
        return;
    }
    double r = fmax(fabs(start_x), fabs(start_y));
    if (!isfinite(r) || r < 1)
        r = isfinite(r) ? 1 : 5;
    r *= 1.3;
    *x0 = -r, *x1 = r, *y0 = -r, *y1 = r;
}

const char *surface_name(enum surface_kind k)
{
    return (unsigned)k < SURFACE_COUNT ? names[k] : "?";
}

const char *surface_title(const struct surface *s, bool utf8, char *buf,
                          size_t size)
{
    const char *sq = utf8 ? "²" : "^2";
    switch (s->kind) {
    case SURFACE_STRETCHED:
        snprintf(buf, size, "stretched: f=x%s+%gy%s", sq, s->kappa, sq);
        break;
    case SURFACE_ROSENBROCK:
        snprintf(buf, size, "rosenbrock: (1-x)%s+100(y-x%s)%s", sq, sq, sq);
        break;
    case SURFACE_SADDLE:
        snprintf(buf, size, "saddle: f(x,y)=x%s-y%s", sq, sq);
        break;
    case SURFACE_WELLS:
        snprintf(buf, size, "wells: x%s+y%s-2e^..-6e^..", sq, sq);
        break;
    case SURFACE_BOWL:
    case SURFACE_COUNT:
        snprintf(buf, size, "bowl: f(x,y)=x%s+y%s", sq, sq);
        break;
    }
    return buf;
}

bool surface_parse(const char *name, enum surface_kind *k)
{
    for (int i = 0; i < SURFACE_COUNT; i++)
        if (strcmp(name, names[i]) == 0) {
            *k = (enum surface_kind)i;
            return true;
        }
    return false;
}

const char *surface_names(void)
{
    return "bowl, stretched, rosenbrock, saddle, wells";
}
