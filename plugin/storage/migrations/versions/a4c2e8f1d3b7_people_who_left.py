"""people who left: `people.left_at`, set when the directory no longer knows a person

Revision ID: a4c2e8f1d3b7
Revises: b7d2f4a9c3e1
Create Date: 2026-12-07 17:50:00.000000

"""
from alembic import op
import sqlalchemy as sa

import plugin.storage.types


# revision identifiers, used by Alembic.
revision = 'a4c2e8f1d3b7'
down_revision = "b7d2f4a9c3e1"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('left_at', plugin.storage.types.UTCDateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('left_at')
