"""calendar outbox: one row per follow-up whose event is (to be) in both calendars

Revision ID: f3c8a1d2e6b7
Revises: a4c8e2f61b37
Create Date: 2026-12-07 17:50:00.000000

"""
from alembic import op
import sqlalchemy as sa

import plugin.storage.types


# revision identifiers, used by Alembic.
revision = 'f3c8a1d2e6b7'
down_revision = "a4c8e2f61b37"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('calendar_syncs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('follow_up_id', sa.Integer(), nullable=False),
    sa.Column('owner_object_id', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=8), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('event_id', sa.String(length=512), nullable=True),
    sa.Column('transaction_id', sa.String(length=64), nullable=False),
    sa.Column('sent', sa.Boolean(), nullable=False),
    sa.Column('generation', sa.Integer(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', plugin.storage.types.UTCDateTime(), nullable=False),
    sa.Column('claimed_by', sa.String(length=64), nullable=True),
    sa.Column('claimed_until', plugin.storage.types.UTCDateTime(), nullable=True),
    sa.Column('last_error', sa.String(length=64), nullable=True),
    sa.Column('created_at', plugin.storage.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', plugin.storage.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_syncs')),
    sa.UniqueConstraint('follow_up_id', name=op.f('uq_calendar_syncs_follow_up_id'))
    )
    with op.batch_alter_table('calendar_syncs', schema=None) as batch_op:
        batch_op.create_index('ix_calendar_syncs_due', ['status', 'next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_calendar_syncs_conversation_id'), ['conversation_id'], unique=False)


def downgrade():
    with op.batch_alter_table('calendar_syncs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_syncs_conversation_id'))
        batch_op.drop_index('ix_calendar_syncs_due')
    op.drop_table('calendar_syncs')
