"""planned conversations: duration and the Teams meeting in both calendars (event id, status, retry claim)

Revision ID: a3c9d1e7f5b2
Revises: c4e8b2a61f07
Create Date: 2026-12-07 17:50:00.000000

"""
from alembic import op
import sqlalchemy as sa

import plugin.storage.types


# revision identifiers, used by Alembic.
revision = 'a3c9d1e7f5b2'
down_revision = "c4e8b2a61f07"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('duration_minutes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('calendar_event_id', sa.String(length=512), nullable=True))
        batch_op.add_column(
            sa.Column('calendar_status', sa.String(length=16), server_default='none', nullable=False)
        )
        batch_op.add_column(
            sa.Column('calendar_attempts', sa.Integer(), server_default='0', nullable=False)
        )
        batch_op.add_column(
            sa.Column('calendar_claimed_until', plugin.storage.types.UTCDateTime(), nullable=True)
        )


def downgrade():
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.drop_column('calendar_claimed_until')
        batch_op.drop_column('calendar_attempts')
        batch_op.drop_column('calendar_status')
        batch_op.drop_column('calendar_event_id')
        batch_op.drop_column('duration_minutes')
