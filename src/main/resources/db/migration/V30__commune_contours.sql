-- Commune contours (GeoJSON geometry, WGS84) imported by an administrator, drawn by the maps even
-- without map tiles. Keyed by the current INSEE code; a reference update leaves them as they are.
create table commune_contour (
    insee_code   text primary key,
    geometry     jsonb not null check (geometry ->> 'type' in ('Polygon', 'MultiPolygon')),
    imported_at  timestamptz not null default now()
);
