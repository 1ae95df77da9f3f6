"""readiness probe: a one-row table that /readyz rewrites to prove the database accepts writes

Revision ID: e5d7a3c1b2f4
Revises: e7a3c91d2f04
Create Date: 2026-12-07 14:20:00.000000

"""
from alembic import op
import sqlalchemy as sa

import plugin.storage.types


# revision identifiers, used by Alembic.
revision = 'e5d7a3c1b2f4'
down_revision = "e7a3c91d2f04"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('readiness_probes',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('checked_at', plugin.storage.types.UTCDateTime(), nullable=False),
    sa.Column('holder', sa.String(length=128), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_readiness_probes'))
    )


def downgrade():
    op.drop_table('readiness_probes')
