"""reminders: one row per reminder and recipient, unique on its natural key, claimed by the job

Revision ID: a3c5e7f9b1d2
Revises: a3c9d1e7f5b2
Create Date: 2026-12-07 17:50:00.000000

"""
from alembic import op
import sqlalchemy as sa

import plugin.storage.types


# revision identifiers, used by Alembic.
revision = 'a3c5e7f9b1d2'
down_revision = "a3c9d1e7f5b2"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('reminders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.String(length=32), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('other_id', sa.Integer(), nullable=False),
    sa.Column('occasion', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', plugin.storage.types.UTCDateTime(), nullable=False),
    sa.Column('claimed_by', sa.String(length=128), nullable=True),
    sa.Column('claimed_until', plugin.storage.types.UTCDateTime(), nullable=True),
    sa.Column('channel', sa.String(length=16), nullable=True),
    sa.Column('last_error', sa.String(length=64), nullable=True),
    sa.Column('created_at', plugin.storage.types.UTCDateTime(), nullable=False),
    sa.Column('sent_at', plugin.storage.types.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_reminders_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminders')),
    sa.UniqueConstraint('key', name=op.f('uq_reminders_key'))
    )
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.create_index('ix_reminders_due', ['status', 'next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminders_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminders_recipient_id'), ['recipient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminders_tenant_id'), ['tenant_id'], unique=False)


def downgrade():
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminders_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_reminders_recipient_id'))
        batch_op.drop_index(batch_op.f('ix_reminders_conversation_id'))
        batch_op.drop_index('ix_reminders_due')

    op.drop_table('reminders')
